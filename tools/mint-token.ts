import { parseArgs } from 'node:util';
import { ROLES, isRole, mintDevelopmentToken } from '@corridor/auth';
import { loadNodeConfig } from '@corridor/config';

/** `npm run token -- --country KH --role ministry-officer [--role auditor] [--agency A-1] [--subject name]` */
const { values } = parseArgs({
  options: {
    country: { type: 'string' },
    role: { type: 'string', multiple: true },
    agency: { type: 'string' },
    subject: { type: 'string' },
    expires: { type: 'string', default: '12h' },
  },
});
const roles = values.role ?? [];
if (!values.country || roles.length === 0 || !roles.every(isRole)) {
  console.error(`usage: npm run token -- --country KH --role <${ROLES.join('|')}> [--agency ID] [--subject NAME]`);
  process.exit(2);
}
const secret = loadNodeConfig({ ...process.env, COUNTRY: values.country }).jwtSecret;
console.log(
  mintDevelopmentToken(
    { country: values.country, roles: roles.filter(isRole), agencyId: values.agency, subject: values.subject ?? `dev-${values.country.toLowerCase()}-${roles[0]}`, expiresIn: values.expires },
    secret,
  ),
);
