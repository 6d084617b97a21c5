const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes user-written text for XML and HTML, in text and in attribute values alike. Control
 * characters that XML 1.0 forbids are dropped: one of them would make the whole SVG unreadable.
 */
export function escapeXml(text: string): string {
    return text
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
        .replace(/[&<>"']/g, character => entities[character]);
}
