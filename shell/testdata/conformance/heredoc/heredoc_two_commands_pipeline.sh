cat <<A | tr a-z A-Z
first
A
cat <<B
second
B
