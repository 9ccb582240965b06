# expect: 'command' removes the special-builtin property: a redirection error does not exit
command : < nonexistent
echo "survived $?"
