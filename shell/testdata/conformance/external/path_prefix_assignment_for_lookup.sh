mkdir bin
printf '#!/bin/sh\necho found\n' > bin/tool2
chmod +x bin/tool2
PATH=$PWD/bin:/usr/bin:/bin tool2
tool2 2>/dev/null || echo "not found after: $?"
