import { NothingToAddCommand } from './nothing-to-add.command';
import { createValidationPipe, RequestValidationError } from './validation';

describe('NothingToAddCommand', () => {
  const pipe = createValidationPipe();
  const validate = (body: unknown) => pipe.transform(body, { type: 'body', metatype: NothingToAddCommand });

  it('takes {}', async () => {
    await expect(validate({})).resolves.toBeInstanceOf(NothingToAddCommand);
  });

  it('refuses any property, naming each', async () => {
    const refused = await validate({ until: '2030-01-01', note: 'x' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RequestValidationError);
    expect((refused as RequestValidationError).fieldErrors.map((e) => e.field)).toEqual(['until', 'note']);
    expect((refused as RequestValidationError).fieldErrors[0].messages[0]).toMatch(/takes an empty object/);
  });
});
