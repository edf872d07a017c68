/** Style sheets imported for their side effect: esbuild writes them beside the bundle (dist/webview/table.css). */
declare module '*.css';
