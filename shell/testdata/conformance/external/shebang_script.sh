printf '#!/bin/sh\necho "shebang $1"\nexit 3\n' > s
chmod +x s
./s arg
echo "status $?"
