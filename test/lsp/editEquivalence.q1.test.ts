/** Randomized edits versus a fresh open, corpus quarter 1 (see editEquivalenceSuite.ts). */
import { describeEditEquivalence } from './editEquivalenceSuite';

describeEditEquivalence(0);
