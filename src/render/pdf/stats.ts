// Counters of a run's prints (report.json's "print"), apart from the printing code so a DOCX-only run need not load it.

export interface PrintStats {
  prints: number;
  batched: number;
  /** Prints whose pieces could not be located exactly; their documents were printed one by one. */
  fallbacks: number;
  retries: number;
}

export const newStats = (): PrintStats => ({ prints: 0, batched: 0, fallbacks: 0, retries: 0 });
