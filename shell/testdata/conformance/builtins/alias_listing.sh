alias a1='echo one' a2='echo "two"'
alias a1
alias
