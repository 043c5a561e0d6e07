import { Inject, Logger, Module, type DynamicModule } from '@nestjs/common';
import { loadPersonDataKeys } from '@corridor/crypto';

export const PERSON_DATA_KEYS = Symbol('PERSON_DATA_KEYS');

/** Injects this node's CountryKeyring: field cipher, blind index, transit keys. */
export const InjectPersonDataKeys = () => Inject(PERSON_DATA_KEYS);

/** Loads the node's person-data keys once at start; a production node without keys does not start. */
@Module({})
export class PersonDataKeysModule {
  static forCountry(country: string, env: NodeJS.ProcessEnv = process.env): DynamicModule {
    return {
      module: PersonDataKeysModule,
      global: true,
      providers: [
        {
          provide: PERSON_DATA_KEYS,
          useFactory: () => {
            const keyring = loadPersonDataKeys(env, country);
            if (keyring.developmentKeys.length) {
              new Logger('PersonDataKeys').warn(`development keys in use for ${keyring.developmentKeys.join(', ')}: never in production`);
            }
            return keyring;
          },
        },
      ],
      exports: [PERSON_DATA_KEYS],
    };
  }
}
