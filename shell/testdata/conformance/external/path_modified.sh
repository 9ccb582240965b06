mkdir bin
printf '#!/bin/sh\necho my-tool\n' > bin/mytool
chmod +x bin/mytool
PATH=$PWD/bin:$PATH
mytool
