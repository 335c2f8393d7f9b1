package org.linfenatlas.api;

import java.util.List;
import org.linfenatlas.model.LayerSpec;
import org.linfenatlas.model.PropertySpec;
import org.linfenatlas.store.CollectionInfo;

/**
 * A plain, readable HTML page about the API (the service-doc), with no scripts and only its own style
 * sheet, {@link #STYLE} at {@code /api/docs.css}: served apart, so that the page renders under the
 * Content-Security-Policy of the map page (style-src 'self', no inline style element).
 */
final class ApiDocsPage {
    static final String STYLE = """
            body{font:15px/1.5 system-ui,"Noto Sans CJK SC",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}
            code{background:#f3f3f3;padding:0 .2em}table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2em .5em;text-align:left}
            """;

    private ApiDocsPage() {
    }

    /** @param baseUrl the configured public URL or the request's Host (see PublicUrl): escaped wherever it is written, like every other text */
    static String render(String baseUrl, List<CollectionInfo> collections) {
        String api = escape(baseUrl);
        StringBuilder html = new StringBuilder("""
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Linfen Atlas API</title>
                """);
        html.append("<link rel=\"stylesheet\" href=\"").append(api).append("/docs.css\">");
        html.append("""
                </head><body><h1>Linfen Atlas API — 临汾区域融合发展规划图</h1>
                <p>OGC API – Features: Part 1 (core, GeoJSON, OpenAPI 3.0), Part 2 (CRS) and, on the projects, Part 4
                (create, replace, update, delete, with optimistic locking by ETag).
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
                .append(example(api, "/collections/projects/items?filter=" + Http.encode("category = 'energy' AND start_year >= 2020")))
                .append(example(api, "/collections/projects/items?filter=" + Http.encode("A_CONTAINS(counties, ('吉县')) AND "
                        + "S_INTERSECTS(geometry, BBOX(110.4, 35.9, 111.0, 36.3))")))
                .append(example(api, "/collections/projects/queryables"))
                .append(example(api, "/stats"))
                .append("</ul>").append(WRITES).append("</body></html>");
        return html.toString();
    }

    private static final String WRITES = """
            <h2>Writing projects (Part 4)</h2>
            <p>Signed-in users only: an API token (<code>Authorization: Bearer TOKEN</code>, made with
            <code>java -jar linfen-atlas.jar tokens create NAME</code>) or a browser session (<code>POST /auth/login</code>,
            then the session's <code>csrfToken</code> in <code>X-CSRF-Token</code> on every write). Editors write the projects
            of their counties (every county before and after the change); admins every project.</p>
            <table><tr><th>request</th><th>answer</th></tr>
            <tr><td><code>POST /collections/projects/items</code> (GeoJSON Feature)</td><td>201, <code>Location</code>, <code>ETag</code></td></tr>
            <tr><td><code>PUT /collections/projects/items/{id}</code> with <code>If-Match</code></td><td>200 and the feature</td></tr>
            <tr><td><code>PATCH /collections/projects/items/{id}</code> (<code>application/merge-patch+json</code>) with <code>If-Match</code></td><td>200 and the feature</td></tr>
            <tr><td><code>DELETE /collections/projects/items/{id}</code> with <code>If-Match</code></td><td>204</td></tr>
            <tr><td><code>GET /collections/projects/items/{id}/history</code></td><td>its changes, newest first</td></tr>
            <tr><td><code>GET /collections/projects/changes?limit=50&amp;deleted=true</code></td><td>the collection's latest changes,
            newest first (at most 500); with <code>deleted=true</code> only the deletions of the projects deleted now</td></tr>
            <tr><td><code>POST …/items/{id}/history/{version}/revert</code>, <code>POST …/items/{id}/restore</code> (admins)</td><td>200 / 201</td></tr>
            </table>
            <p>Without <code>If-Match</code>: 428; a stale one: 412 with the current <code>ETag</code>. Errors are JSON
            <code>{"code", "description", "details"}</code>: 400 malformed, 401 not signed in, 403 out of scope, 404, 405,
            413 too large, 415 wrong type, 422 invalid (each problem by property).</p>
            """;

    private static String example(String api, String path) {
        String href = escape(api + path);
        return "<li><a href=\"" + href + "\">" + href + "</a></li>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
