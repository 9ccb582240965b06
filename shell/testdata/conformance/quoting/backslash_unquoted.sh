printf '%s\n' \$x \`a\` \\ \" \'
printf '%s\n' a\ b
printf '%s\n' \a\b\c
