// Types for stages.mjs.
export type Resource = 'browsers' | 'build';
export interface Stage {
  id: string;
  label: string;
  needs: Resource[];
  provides: Resource[];
  owns?: (file: string) => boolean;
}
export declare const STAGES: Stage[];
export declare function orderProblems(stages?: Stage[]): string[];
