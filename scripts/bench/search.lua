-- Search terms in Chinese and pinyin, picked at random (seeded), limit=20.
math.randomseed(7)
local terms = {"yonghe", "%E5%A3%B6%E5%8F%A3", "hukou", "qiankunwan", "%E5%85%89%E4%BC%8F", "wuliu", "jixian",
  "%E6%B1%BE%E6%B2%B3", "shujuzhongxin", "yiyuan", "taiyue", "%E5%B0%A7%E9%83%BD"}
request = function()
  local path = "/api/collections/projects/items?limit=20&q=" .. terms[math.random(#terms)]
  return wrk.format("GET", path, {["Accept-Encoding"] = "gzip"})
end
