// The icon is drawn here so the site carries it without a public folder of its own.
export function GET() {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="16" fill="#0b4a8b"/><rect y="16" width="32" height="16" fill="#f5c400"/></svg>';
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml' } });
}
