# expect: an empty PATH element means the current directory
printf '#!/bin/sh\necho in-cwd\n' > here
chmod +x here
PATH=/usr/bin:/bin:
here
