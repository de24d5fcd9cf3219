// Everything Monaco: the editor, its languages and features, the models bound to the state, markers
// and hovers. The first screen (answers, timeline, form) does not wait for it: the editors load it.
import { monaco } from './setup.ts';
import { caseModel, policyModel } from '../models.ts';
import './coverage-shading.ts';

export { caseModel, monaco, policyModel };
