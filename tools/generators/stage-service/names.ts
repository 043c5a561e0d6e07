/** The spellings of one stage name that the generated code needs. */
export interface StageNames {
  /** deployment, social-protection: service, folder, topic family, resource prefix */
  kebab: string;
  /** Deployment, SocialProtection */
  pascal: string;
  /** deployment, socialProtection */
  camel: string;
  /** deployment, social_protection: tables */
  snake: string;
  /** Deployment, Social protection */
  title: string;
}

export function stageNames(name: string): StageNames {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name)) throw new Error(`"${name}" is not a kebab-case stage name like deployment or social-protection`);
  const words = name.split('-');
  const pascal = words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
  return {
    kebab: name,
    pascal,
    camel: pascal[0].toLowerCase() + pascal.slice(1),
    snake: words.join('_'),
    title: words.join(' ').replace(/^./, (c) => c.toUpperCase()),
  };
}
