/**
 * The renderer's Content Security Policy, the same for the desktop window and web mode: nothing is allowed
 * unless listed, scripts and styles come only from the app itself, and nothing can be framed, posted or
 * fetched from elsewhere. React sets inline styles through the CSSOM, which CSP does not block, so
 * 'unsafe-inline' is never needed.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
