echo $(echo `echo mix`)
echo `echo $(echo mix2)`
