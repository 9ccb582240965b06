printf '#!/bin/sh\necho "${0##*/}"\n' > prog
chmod +x prog
./prog
