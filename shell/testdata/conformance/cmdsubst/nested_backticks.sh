echo `echo \`echo inner\``
