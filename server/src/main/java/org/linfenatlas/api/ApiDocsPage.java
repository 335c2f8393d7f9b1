package org.linfenatlas.api;

import java.util.List;
import org.linfenatlas.model.LayerSpec;
import org.linfenatlas.model.PropertySpec;
import org.linfenatlas.store.CollectionInfo;

/** A plain, readable HTML page about the API (the service-doc), with no scripts and no external assets. */
final class ApiDocsPage {
    private ApiDocsPage() {
    }

    static String render(String api, List<CollectionInfo> collections) {
        StringBuilder html = new StringBuilder("""
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Linfen Atlas API</title>
                <style>body{font:15px/1.5 system-ui,"Noto Sans CJK SC",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}
                code{background:#f3f3f3;padding:0 .2em}table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2em .5em;text-align:left}</style>
                </head><body><h1>Linfen Atlas API — 临汾区域融合发展规划图</h1>
                <p>OGC API – Features: Part 1 (core, GeoJSON, OpenAPI 3.0) and Part 2 (CRS).
                """);
        html.append("Definition: <a href=\"").append(api).append("/openapi\">").append(api).append("/openapi</a>.</p>");
        html.append("<h2>Collections</h2>");
        for (CollectionInfo info : collections) {
            LayerSpec spec = info.spec();
            html.append("<h3><a href=\"").append(api).append("/collections/").append(spec.id()).append("/items\">")
                    .append(spec.id()).append("</a> — ").append(escape(spec.titleZh())).append(" (").append(info.count())
                    .append(" features)</h3><p>").append(escape(spec.description())).append("</p><table><tr><th>property</th><th>type</th><th>meaning</th></tr>");
            for (PropertySpec p : spec.properties()) {
                html.append("<tr><td><code>").append(p.name()).append("</code></td><td>").append(p.type().jsonSchemaType())
                        .append("</td><td>").append(escape(p.description())).append("</td></tr>");
            }
            html.append("</table><p>Query parameters: <code>")
                    .append(String.join("</code>, <code>", ItemsRequestParser.allowed(spec))).append("</code></p>");
        }
        html.append("<h2>Examples</h2><ul>")
                .append(example(api, "/collections/projects/items?q=hukou"))
                .append(example(api, "/collections/projects/items?category=energy&belt=yellow"))
                .append(example(api, "/collections/projects/items?bbox=110.4,36.0,111.0,36.5&limit=10"))
                .append(example(api, "/collections/counties/items?crs=http://www.opengis.net/def/crs/EPSG/0/3857"))
                .append(example(api, "/stats"))
                .append("</ul><p>Errors are JSON <code>{\"code\", \"description\"}</code> with status 400 or 404.</p></body></html>");
        return html.toString();
    }

    private static String example(String api, String path) {
        String href = escape(api + path);
        return "<li><a href=\"" + href + "\">" + href + "</a></li>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
