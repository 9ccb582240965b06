case x
in
x)
echo newline-form
;;
esac
