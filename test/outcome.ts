/** One test's result as the aggregate runner counts it. */
export interface Outcome {
  readonly tier: string;
  readonly title: string;
  readonly state: 'passed' | 'failed';
  readonly error?: string;
  readonly durationMs?: number;
}
