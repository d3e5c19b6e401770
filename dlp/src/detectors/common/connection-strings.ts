import { judgeValue } from '../../engine/placeholder.ts';
import type { Detector } from '../../types.ts';
import { plausibleSecret } from './generic-secret-rules.ts';

/** Passwords that documentation uses as stand-ins. */
const STAND_INS = new Set(['password', 'pass', 'passwd', 'pwd', 'secret', 'user', 'username', 'changeit', 'pw', 'xxx']);

/** True when the password part is neither a stand-in, a template nor masked. */
export function realPassword(value: string): boolean {
  const v = value.toLowerCase();
  return (
    !STAND_INS.has(v) && !/^[*x.#-]{1,}$/i.test(v) && !v.startsWith('$') && !v.startsWith('%') && !v.startsWith(':')
  );
}

interface UriFamily {
  id: string;
  name: string;
  schemes: string;
  keywords: string[];
  positive: string;
  negative: string;
}

function uriDetector(f: UriFamily): Detector {
  return {
    id: f.id,
    name: f.name,
    category: 'secret',
    description: `${f.name}: user and password embedded before the host; the password is the value.`,
    trigger: { keywords: f.keywords },
    window: 40,
    pattern: new RegExp(
      String.raw`(?<![A-Za-z0-9+.-])(?:${f.schemes}):\/\/(?<user>[^\s:/@'"<>]{0,128}):(?<value>[^\s@/'"<>]{1,256})@[A-Za-z0-9[\]._-]{1,253}`,
      'gi',
    ),
    confidence: 'high',
    validate: realPassword,
    generic: f.id === 'url-embedded-credentials',
    context: ['database', 'connection', 'dsn', 'url', 'uri'],
    examples: {
      positive: [f.positive],
      negative: [f.negative, `${f.keywords[0] === '://' ? 'https' : f.keywords[0]}://user:password@localhost`],
    },
  };
}

/** Connection strings and URLs with embedded credentials: database URIs, JDBC, ADO.NET, any URL's user info. */
export const connectionStringDetectors: Detector[] = [
  uriDetector({
    id: 'postgres-connection-uri',
    name: 'PostgreSQL connection URI with password',
    schemes: String.raw`postgres(?:ql)?(?:\+[a-z0-9]{1,20})?|pgsql`,
    keywords: ['postgres', 'pgsql'],
    positive: 'DATABASE_URL=postgres://app_rw:Vq7x9Lr2Tz@db-prod.internal:5432/orders',
    negative: 'DATABASE_URL=postgres://app_rw@db-prod.internal:5432/orders',
  }),
  uriDetector({
    id: 'mysql-connection-uri',
    name: 'MySQL connection URI with password',
    schemes: String.raw`mysql(?:x|\+[a-z0-9]{1,20})?|mariadb`,
    keywords: ['mysql', 'mariadb'],
    positive: 'engine = create_engine("mysql+pymysql://reporting:Gh4s!kq82Lm@10.2.0.15/sales")',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a template placeholder is the point of this example
    negative: 'engine = create_engine("mysql+pymysql://reporting:${DB_PASSWORD}@10.2.0.15/sales")',
  }),
  uriDetector({
    id: 'mongodb-connection-uri',
    name: 'MongoDB connection URI with password',
    schemes: String.raw`mongodb(?:\+srv)?`,
    keywords: ['mongodb'],
    positive: 'MONGO_URI="mongodb+srv://svc-etl:pQ83nVz2Kd9w@cluster0.ab12c.mongodb.net/prod"',
    negative: 'MONGO_URI="mongodb+srv://cluster0.ab12c.mongodb.net/prod"',
  }),
  uriDetector({
    id: 'redis-connection-uri',
    name: 'Redis connection URI with password',
    schemes: 'rediss?',
    keywords: ['redis'],
    positive: 'REDIS_URL=rediss://:t8Kq2vLx93Pzw@cache.internal:6380/0',
    negative: 'REDIS_URL=redis://cache.internal:6379/0',
  }),
  uriDetector({
    id: 'amqp-connection-uri',
    name: 'AMQP connection URI with password',
    schemes: 'amqps?',
    keywords: ['amqp'],
    positive: 'broker_url = "amqp://orders:Zr93kLm2Qx7@rabbit.internal:5672/vhost"',
    negative: 'broker_url = "amqp://rabbit.internal:5672/vhost"',
  }),
  uriDetector({
    id: 'database-connection-uri',
    name: 'Database connection URI with password',
    schemes: String.raw`mssql|sqlserver|oracle|cockroachdb|clickhouse|couchdb|cassandra|neo4j(?:\+s)?|bolt|snowflake|db2|influxdb|nats`,
    keywords: ['mssql', 'sqlserver', 'oracle', 'cockroachdb', 'clickhouse', 'couchdb', 'cassandra', 'neo4j', 'bolt'],
    positive: 'NEO4J_URI=neo4j+s://neo4j:Hx82kqPz91Lw@graph.internal:7687',
    negative: 'NEO4J_URI=neo4j+s://graph.internal:7687',
  }),
  uriDetector({
    id: 'url-embedded-credentials',
    name: 'URL with embedded credentials',
    schemes: String.raw`https?|ftps?|sftp|smtps?|ldaps?|ssh|git\+https|svn\+ssh|wss?`,
    keywords: ['://'],
    positive: 'git clone https://deploy:Rk29vLq8xTz4@git.internal.acmecorp.net/team/app.git',
    negative: 'see https://docs.acmecorp.net/guide#section:2',
  }),
  {
    id: 'jdbc-connection-password',
    name: 'JDBC URL with password',
    category: 'secret',
    description: 'JDBC URLs carrying a password parameter, or Oracle thin user/password@host.',
    trigger: { keywords: ['jdbc:'] },
    window: 400,
    pattern:
      /jdbc:(?:oracle:thin:[A-Za-z0-9_$#]{1,64}\/|[a-z0-9]{2,20}:[^\s"'<>]{0,300}?[?&;](?:password|pwd)=)(?<value>[^\s&;@"'<>]{1,256})/gi,
    confidence: 'high',
    validate: (value) => realPassword(value) && judgeValue(value) === 'keep',
    context: ['jdbc', 'datasource', 'connection'],
    examples: {
      positive: [
        'spring.datasource.url=jdbc:postgresql://db:5432/app?user=svc&password=Wq83nLz2Kv',
        'jdbc:oracle:thin:scott/Tg82mLq9Xz@dbhost:1521:ORCL',
      ],
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a template placeholder is the point of this example
      negative: ['jdbc:postgresql://db:5432/app?user=svc', 'jdbc:mysql://db/app?user=x&password=${DB_PASS}'],
    },
  },
  {
    id: 'ado-net-connection-password',
    name: 'ADO.NET connection string with password',
    category: 'secret',
    description: 'Password= or Pwd= in a semicolon-separated connection string next to Server/Data Source/User ID.',
    trigger: { keywords: ['password', 'pwd'] },
    window: 60,
    pattern:
      /(?<![A-Za-z0-9_])(?:password|pwd)\s{0,3}=\s{0,3}['"]?(?<value>[^;'"\r\n]{1,128}?)['"]?\s{0,3}(?:;|$|["'\r\n])/gim,
    confidence: 'medium',
    requiresContext: true,
    contextWindow: 200,
    validate: (value) => plausibleSecret(value.trim(), 'password'),
    context: ['server=', 'data source=', 'user id=', 'uid=', 'initial catalog=', 'database=', 'host='],
    examples: {
      positive: ['Server=tcp:sql-prod.acmecorp.net,1433;Initial Catalog=crm;User ID=crm_app;Password=Lq82!vXz7Kp;'],
      negative: ['Server=tcp:sql-prod.acmecorp.net;Initial Catalog=crm;Integrated Security=true;', 'Password=;'],
    },
  },
];
