/**
 * Text safe for XML 1.0 content or attribute values: markup characters escaped, characters XML 1.0
 * cannot carry at all (C0 controls but tab/newline/CR, lone surrogates, U+FFFE/U+FFFF) replaced by
 * a visible `\uXXXX`, and in attributes newlines and tabs kept as character references.
 */
export function escapeXml(text: string, attribute = false): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const ch = text[i]!;
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += ch + text[i + 1]!;
        i++;
        continue;
      }
      out += visible(code);
      continue;
    }
    if (code >= 0xdc00 && code <= 0xdfff) out += visible(code);
    else if (ch === '&') out += '&amp;';
    else if (ch === '<') out += '&lt;';
    else if (ch === '>') out += '&gt;';
    else if (ch === '"' && attribute) out += '&quot;';
    else if (ch === "'" && attribute) out += '&apos;';
    else if ((ch === '\n' || ch === '\r' || ch === '\t') && attribute) out += `&#${code};`;
    else if (ch === '\r') out += '&#13;';
    else if (code < 0x20 && ch !== '\n' && ch !== '\t') out += visible(code);
    else if (code === 0xfffe || code === 0xffff) out += visible(code);
    else out += ch;
  }
  return out;
}

function visible(code: number): string {
  return `\\u${code.toString(16).padStart(4, '0')}`;
}
