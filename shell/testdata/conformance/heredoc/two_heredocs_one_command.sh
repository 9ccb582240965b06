cat <<A 3<<B
from A
A
from B
B
cat 3<<B <&3
fd three
B
