# expect: dash accepts a here-document ended by end of file
cat <<EOF
no terminator
