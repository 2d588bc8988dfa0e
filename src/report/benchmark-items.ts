import type { BenchmarkView } from '../frameworks/view.js';
import { CAT } from './benchmark-table.js';

/** `controls --benchmark X`: every item of the benchmark, whether kubeharden automates it and with which controls. */
export function renderBenchmarkItems(view: BenchmarkView, format: 'table' | 'json'): string {
  if (format === 'json') {
    const items = view.items.map((i) => ({
      id: i.id,
      title: i.title,
      section: i.section,
      level: i.level,
      assessment: i.assessment,
      ...(i.severity ? { severity: i.severity } : {}),
      automation: i.automated ? 'automated' : 'manual',
      controls: i.controls,
      audit: i.auditText,
    }));
    return JSON.stringify({ framework: view.framework.id, title: view.framework.title, source: view.framework.source, items }, null, 2) + '\n';
  }
  const idWidth = Math.max(...view.items.map((i) => i.id.length));
  const lines = [view.framework.title, ...(view.note ? [`(${view.note})`] : []), ''];
  let section: string | undefined;
  for (const item of view.items) {
    if (item.section !== section) {
      section = item.section;
      if (section) lines.push(section);
    }
    const level = item.item.stig ? CAT[item.item.stig.severity]!.padEnd(7) : item.level ? `L${item.level}` : '  ';
    const assessment = (item.assessment ?? '').padEnd(9);
    const controls = item.automated ? `  [${item.controls.join(', ')}]` : '';
    lines.push(`  ${item.id.padEnd(idWidth)}  ${level}  ${assessment}  ${(item.automated ? 'automated' : 'manual').padEnd(9)}  ${item.title}${controls}`);
  }
  const automated = view.items.filter((i) => i.automated).length;
  lines.push('', `${view.items.length} items: ${automated} automated by kubeharden, ${view.items.length - automated} manual (checked by hand from their audit text).`);
  return lines.join('\n') + '\n';
}
