export { changes, type ChangeInstant, type ChangesOptions, type AnswerChange } from './changes.ts';
