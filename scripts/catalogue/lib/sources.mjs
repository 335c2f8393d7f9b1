// The records cite the plans by short codes ("000 专栏10", "003 二(九)"); the published `source` names the
// document and the chapter, section or column in words, in Chinese and then in English (see gis-data/README.md).

export const DOCUMENTS = {
  '000': {
    zh: '《临汾市“十四五”促进区域融合发展实现高水平崛起规划》',
    en: 'Linfen 14th Five-Year Plan for Regional Integration (临政发〔2022〕10号)',
  },
  '003': {
    zh: '《全市2023年“双城”建设项目谋划指导意见》',
    en: 'Guidance on Planning the 2023 Twin-City Projects',
  },
};

const NUMERALS = '一二三四五六七八九十';

// 000: chapter and section titles
const SECTIONS_000 = {
  第一章一: ['发展成就与存在问题', 'achievements and problems'],
  第一章二: ['面临挑战与发展机遇', 'challenges and opportunities'],
  第二章三: ['战略定位', 'strategic positioning'],
  第二章五: ['发展策略', 'development strategy'],
  第三章一: ['推进能源产业互通合作', 'energy cooperation'],
  第三章二: ['开展制造业产业链融合', 'manufacturing supply chains'],
  第三章三: ['加强商贸物流协同合作', 'trade and logistics'],
  第三章四: ['推进农业产业要素对接', 'agriculture'],
  第三章五: ['推进文化旅游协作发展', 'culture and tourism'],
  第四章一: ['加强区域协同创新体系建设', 'innovation'],
  第四章二: ['加大区域生态合作深度联建', 'ecology'],
  第四章三: ['深化教育、医疗对接与合作', 'education and health'],
  第四章四: ['积极推动民主法治建设合作', 'rule of law'],
  第五章一: ['加强基础设施的互联互通', 'infrastructure'],
  第五章二: ['加快新型基建的布局谋划', 'new infrastructure'],
  第五章三: ['全面深化体制及机制改革', 'institutional reform'],
  第五章四: ['优化产业合作与招商环境', 'industrial cooperation and investment'],
};

// 000: the key-project columns 专栏1–18
const COLUMNS_000 = [null,
  ['能源产业互联互通合作差异化路径', 'energy cooperation by region'],
  ['能源产业互联互通合作重点工作', 'key energy projects'],
  ['承接制造业产业链转移差异化路径', 'manufacturing transfer by region'],
  ['承接制造业产业链转移重点工程', 'key manufacturing projects'],
  ['商贸物流协同合作差异化路径', 'trade and logistics by region'],
  ['商贸物流协同与合作重点工程', 'key trade and logistics projects'],
  ['农业产业要素对接差异化路径', 'agriculture by region'],
  ['农业产业要素对接重点工程', 'key agriculture projects'],
  ['文化旅游协作发展差异化路径', 'culture and tourism by region'],
  ['文化旅游协作发展重点工程', 'key culture and tourism projects'],
  ['区域协同创新差异化路径', 'innovation by region'],
  ['区域协同创新重点工程', 'key innovation projects'],
  ['生态合作深度联建差异化路径', 'ecology by region'],
  ['生态合作深度联建重点工作', 'key ecology projects'],
  ['深化教育、医疗对接与合作差异化路径', 'education and health by region'],
  ['教育、医疗对接与合作重点工程', 'key education and health projects'],
  ['基础设施互联互通重点工程', 'key infrastructure projects'],
  ['新型基建布局谋划重点工程', 'key new-infrastructure projects'],
];

// 003: the sections of part 二 (key tasks)
const SECTIONS_003 = [null,
  ['聚焦生态保护，擦亮绿色底色', 'ecological protection'],
  ['聚焦产业转型，推动高质量发展', 'industrial transformation'],
  ['聚焦“三大板块”，促进协同发展', 'the three belts'],
  ['聚焦创建特色样板县，发挥示范带动作用', 'model counties'],
  ['聚焦晋南城镇圈建设，实现合作共赢', 'the southern Shanxi town circle, with Yuncheng'],
  ['聚焦开发区建设，积极承接产业转移', 'development zones'],
  ['聚焦城市更新，建设宜居宜业城市', 'urban renewal'],
  ['聚焦能源保供，建设综合能源基地', 'energy supply'],
  ['聚焦文旅融合，弘扬黄河文化', 'culture, tourism and the Yellow River'],
  ['聚焦乡村振兴，建设美丽乡村', 'rural revitalisation'],
];

/** One cited place ("专栏10", "第三章五", "二(一)(五)") in words: [zh, en], or throws. */
function part(doc, place) {
  if (doc === '000') {
    const column = place.match(/^专栏\s*(\d+)$/);
    if (column && COLUMNS_000[Number(column[1])]) {
      const [zh, en] = COLUMNS_000[Number(column[1])];
      return [`专栏${column[1]}“${zh}”`, `column ${column[1]} (${en})`];
    }
    const chapter = place.match(/^第(.)章(.)$/);
    if (chapter && SECTIONS_000[place]) {
      const [zh, en] = SECTIONS_000[place];
      return [`${place}“${zh}”`, `chapter ${NUMERALS.indexOf(chapter[1]) + 1}, section ${NUMERALS.indexOf(chapter[2]) + 1} (${en})`];
    }
  }
  if (doc === '003') {
    const sections = place.match(/^二((?:\([一二三四五六七八九十]+\))+)$/);
    if (sections) {
      const numbers = [...sections[1].matchAll(/\(([一二三四五六七八九十]+)\)/g)].map((m) => m[1]);
      const index = (n) => (n === '十' ? 10 : NUMERALS.indexOf(n) + 1);
      if (numbers.every((n) => SECTIONS_003[index(n)])) {
        return [numbers.map((n) => `二（${n}）“${SECTIONS_003[index(n)][0]}”`).join('、'),
          numbers.map((n) => `section 2(${index(n)}) (${SECTIONS_003[index(n)][1]})`).join(', ')];
      }
    }
  }
  throw new Error(`cannot name "${doc} ${place}" in words: add it to lib/sources.mjs`);
}

/** "000 第三章五; 000 专栏10; 003 二(九)" in words, Chinese then English. */
export function sourceInWords(codes) {
  const byDoc = new Map();
  for (const code of codes.split(';').map((s) => s.trim())) {
    const [doc, place] = code.split(' ');
    if (!byDoc.has(doc)) byDoc.set(doc, []);
    byDoc.get(doc).push(part(doc, place));
  }
  const zh = [...byDoc].map(([doc, parts]) => `${DOCUMENTS[doc].zh}${parts.map(([z]) => z).join('、')}`).join('；');
  const en = [...byDoc].map(([doc, parts]) => `${DOCUMENTS[doc].en}: ${parts.map(([, e]) => e).join('; ')}`).join('. ');
  return `${zh}。${en}.`;
}

/** Throws unless every code can be named in words (the build checks the records with it). */
export function checkSource(codes) {
  sourceInWords(codes);
}
