false | true && echo and-ran
true | false || echo or-ran
