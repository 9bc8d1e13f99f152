/** `<Reflection>`: a prompt and a box to write in. What it saves is in `value.ts`. */
import { defineToolKind } from '../kind.ts';

export const reflection = defineToolKind({
  kind: 'reflection',
  component: 'Reflection',
  island: 'reflection/Reflection',
  attributes: {},
});
