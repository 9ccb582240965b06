cd /usr/../bin; echo "$PWD"
