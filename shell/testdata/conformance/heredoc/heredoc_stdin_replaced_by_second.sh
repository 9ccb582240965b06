cat <<A <<B
from a
A
from b
B
