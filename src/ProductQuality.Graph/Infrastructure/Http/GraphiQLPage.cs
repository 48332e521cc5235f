namespace ProductQuality.Graph.Infrastructure.Http;

/// <summary>
/// A GraphiQL page for developers exploring the schema in a browser. The GraphiQL packages for ASP.NET are not
/// served here, so the page loads GraphiQL's own release from a public CDN in the developer's browser; the server
/// itself fetches nothing. Paste a department token into the headers pane to explore that department's contract.
/// </summary>
internal static class GraphiQLPage
{
    public static void MapGraphiQL(this WebApplication app, string graphQLPath) =>
        app.MapGet("/ui", () => Results.Content(Html(graphQLPath), "text/html; charset=utf-8"));

    private static string Html(string endpoint) => $$"""
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8" />
          <title>ProductQuality.Graph — GraphiQL</title>
          <style>body { margin: 0; } #graphiql { height: 100dvh; }</style>
          <link rel="stylesheet" href="https://unpkg.com/graphiql@3.8.3/graphiql.min.css" />
        </head>
        <body>
          <div id="graphiql">Loading GraphiQL…</div>
          <script crossorigin src="https://unpkg.com/react@18.3.1/umd/react.production.min.js"></script>
          <script crossorigin src="https://unpkg.com/react-dom@18.3.1/umd/react-dom.production.min.js"></script>
          <script crossorigin src="https://unpkg.com/graphiql@3.8.3/graphiql.min.js"></script>
          <script>
            const fetcher = GraphiQL.createFetcher({ url: '{{endpoint}}' });
            ReactDOM.createRoot(document.getElementById('graphiql')).render(
              React.createElement(GraphiQL, { fetcher, defaultEditorToolsVisibility: true }));
          </script>
        </body>
        </html>
        """;
}
