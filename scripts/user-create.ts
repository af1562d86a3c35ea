// Creates a user on the configured database (DATABASE_URL, or the embedded one), e.g. the first
// admin of an installation. The password is read from standard input when not given, so it does
// not land in the shell history:
//   echo "$PASSWORD" | npm run user:create -- --email root@example.com --name Root --role admin
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ROLES } from '../src/api/users/users.model.ts';
import { createRuntime, loadProcessConfig } from '../src/runtime.ts';
import { AppError } from '../src/utils/errors.ts';
import { createLogger } from '../src/utils/logger.ts';

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    name: { type: 'string', default: 'Administrator' },
    role: { type: 'string', default: 'admin' },
    password: { type: 'string' },
  },
});

const input = z
  .object({
    email: z.email(),
    name: z.string().trim().min(1).max(100),
    role: z.enum(ROLES),
    password: z.string().min(8).max(128),
  })
  .safeParse({ ...values, password: values.password ?? readFileSync(0, 'utf8').trim() });
if (!input.success) {
  console.error(input.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  process.exit(2);
}

const config = loadProcessConfig();
const logger = createLogger({ level: 'warn', service: 'user-create' });
// Only the database: creating a user enqueues nothing, so the job queue stays closed.
const runtime = await createRuntime(config, { logger, parts: {} });
try {
  const { auth, users } = runtime.services;
  const { email, name, role, password } = input.data;
  if (role === 'admin') {
    const result = await auth.ensureAdmin(
      { email, password, name },
      { ip: undefined, userAgent: 'user:create', requestId: undefined },
    );
    console.log(
      result.created ? `created admin ${email}` : `${email} already exists; nothing changed`,
    );
    if (!result.created) process.exitCode = 1;
  } else {
    await users.createAccount({ email, name, password, role });
    console.log(`created ${role} ${email}`);
  }
} catch (error) {
  if (error instanceof AppError) {
    console.error(`${error.code}: ${error.message}`);
    process.exitCode = 1;
  } else throw error;
} finally {
  await runtime.close();
}
