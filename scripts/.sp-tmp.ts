import { profileStartup, profileTable } from './bench/startup-stages.js';
console.log(profileTable(await profileStartup(3)));
