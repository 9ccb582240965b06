mkdir a b
printf '#!/bin/sh\necho A\n' > a/x
printf '#!/bin/sh\necho B\n' > b/x
chmod +x a/x b/x
PATH=$PWD/a:/usr/bin:/bin
x
PATH=$PWD/b:/usr/bin:/bin
x
