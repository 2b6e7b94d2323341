// What "Create group" sends, built in one place so the review's preview is exactly the request.
import { toPayload, type GroupForm, type Payload } from '../model';

export interface CreateInput {
  name: string;
  description: string;
  payload: Payload;
}

export function createInput(form: GroupForm): CreateInput {
  return {
    name: form.name.trim(),
    description: form.description.trim(),
    payload: toPayload(form),
  };
}
