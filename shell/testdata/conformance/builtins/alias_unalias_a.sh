alias a='echo a' b='echo b'
unalias -a
alias
echo "[$(alias)]"
