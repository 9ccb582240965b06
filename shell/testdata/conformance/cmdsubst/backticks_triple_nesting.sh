# zinebox-known-failure: triple-nested backquotes are not unescaped level by level
echo `echo \`echo \\\`echo deep\\\`\``
