/** Randomized edits versus a fresh open, corpus quarter 2 (see editEquivalenceSuite.ts). */
import { describeEditEquivalence } from './editEquivalenceSuite';

describeEditEquivalence(1);
