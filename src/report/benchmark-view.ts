import type { Severity, Status } from '../controls/control.js';
import type { Subject } from '../engine/result.js';

/**
 * The seam between reporters and benchmark views (src/frameworks): a view turns a results document
 * and a benchmark id into one verdict per benchmark item and subject. Reporters that can show
 * benchmark items (JUnit, CSV, HTML) take an optional view; without one they report per control.
 */
export interface BenchmarkItemResult {
  /** Framework key of DESIGN.md, e.g. `cis-1.9`, `stig-v2r2`. */
  framework: string;
  /** Item id within it, e.g. `5.2.2`, `V-242415`. */
  item: string;
  title: string;
  status: Status;
  severity: Severity;
  subject?: Subject;
  message: string;
  remediation?: string;
  /** The controls behind the item (none for a manual item). */
  controls: string[];
}

export interface BenchmarkView {
  framework: string;
  title: string;
  items: BenchmarkItemResult[];
  /** Automated items passed / automated items, 0–100, when the view computes it. */
  score?: number;
}
