mkdir a b
printf '#!/bin/sh\necho from-a\n' > a/t
printf '#!/bin/sh\necho from-b\n' > b/t
chmod +x b/t
PATH=$PWD/a:$PWD/b:/usr/bin:/bin
t
