/** A small XML 1.0 parser for tests: checks well-formedness and returns the element tree. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_:][-A-Za-z0-9_.:]*/;
// eslint-disable-next-line no-control-regex
const ILLEGAL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

function decode(text: string, where: number): string {
  return text.replace(/&([^;]*);/g, (_, entity: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (entity in named) return named[entity]!;
    const num = /^#(x[0-9a-fA-F]+|[0-9]+)$/.exec(entity);
    if (!num) throw new Error(`unknown entity &${entity}; at ${where}`);
    const code = num[1]!.startsWith('x') ? parseInt(num[1]!.slice(1), 16) : parseInt(num[1]!, 10);
    if (code < 0x20 && code !== 9 && code !== 10 && code !== 13) throw new Error(`character reference &${entity}; is not allowed in XML 1.0`);
    return String.fromCodePoint(code);
  });
}

export function parseXml(xml: string): XmlElement {
  if (ILLEGAL.test(xml)) throw new Error(`illegal XML character at ${xml.search(ILLEGAL)}`);
  let i = 0;
  if (xml.startsWith('<?xml')) i = xml.indexOf('?>') + 2;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt === -1 ? xml.length : lt);
    if (text.includes('&') && /&(?![a-zA-Z]+;|#[0-9]+;|#x[0-9a-fA-F]+;)/.test(text)) throw new Error(`bare & at ${i}`);
    if (stack.length) stack.at(-1)!.text += decode(text, i);
    else if (text.trim()) throw new Error(`text outside the root element at ${i}`);
    if (lt === -1) break;
    if (xml.startsWith('<!--', lt)) {
      i = xml.indexOf('-->', lt) + 3;
      continue;
    }
    if (xml[lt + 1] === '/') {
      const end = xml.indexOf('>', lt);
      const name = xml.slice(lt + 2, end).trim();
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`</${name}> closes <${open?.name}> at ${lt}`);
      if (stack.length === 0) root = open;
      i = end + 1;
      continue;
    }
    let j = lt + 1;
    const name = NAME.exec(xml.slice(j))?.[0];
    if (!name) throw new Error(`bad tag at ${lt}`);
    j += name.length;
    const element: XmlElement = { name, attributes: {}, children: [], text: '' };
    for (;;) {
      const ws = /^\s*/.exec(xml.slice(j))![0];
      j += ws.length;
      if (xml.startsWith('/>', j) || xml[j] === '>') break;
      if (!ws) throw new Error(`missing space before attribute at ${j}`);
      const attr = /^([A-Za-z_:][-A-Za-z0-9_.:]*)="([^"<]*)"/.exec(xml.slice(j));
      if (!attr) throw new Error(`bad attribute at ${j}: ${xml.slice(j, j + 30)}`);
      if (attr[1]! in element.attributes) throw new Error(`duplicate attribute ${attr[1]} at ${j}`);
      element.attributes[attr[1]!] = decode(attr[2]!, j);
      j += attr[0].length;
    }
    if (stack.length) stack.at(-1)!.children.push(element);
    else if (root) throw new Error('second root element');
    if (xml.startsWith('/>', j)) {
      if (stack.length === 0) root = element;
      i = j + 2;
    } else {
      stack.push(element);
      i = j + 1;
    }
  }
  if (stack.length) throw new Error(`unclosed <${stack.at(-1)!.name}>`);
  if (!root) throw new Error('no root element');
  return root;
}

export function descendants(element: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  for (const child of element.children) {
    if (child.name === name) found.push(child);
    found.push(...descendants(child, name));
  }
  return found;
}
