eval 'if true
then echo multi
fi'
