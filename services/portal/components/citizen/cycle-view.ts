export type { CycleView } from '../../gateway/views';
