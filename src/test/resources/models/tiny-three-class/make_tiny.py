"""Builds a tiny Hugging Face-layout test model: 3 labels, a traced module returning a tuple."""
import json, torch
torch.manual_seed(0)
big = json.load(open('/work/main/models/sentiment-en-sst2/tokenizer.json'))
vocab_words = ["[PAD]","[UNK]","[CLS]","[SEP]","[MASK]","good","great","love","loved","bad","awful","hate","okay","fine","movie","the","it","was","is","not","a","!",".",",","this","i"]
vocab = {w:i for i,w in enumerate(vocab_words)}
tok = dict(big)
tok["model"] = dict(big["model"]); tok["model"]["vocab"] = vocab
tok["added_tokens"] = [dict(t, id=vocab[t["content"]]) for t in big["added_tokens"]]
pp = json.loads(json.dumps(big["post_processor"]))
def fix(o):
    if isinstance(o, dict):
        if "ids" in o and "id" in o: o["ids"] = [vocab[o["id"]]]
        for v in o.values(): fix(v)
    elif isinstance(o, list):
        for v in o: fix(v)
fix(pp); tok["post_processor"] = pp
json.dump(tok, open('tokenizer.json','w'))
class Tiny(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = torch.nn.Embedding(len(vocab), 3)
        w = torch.zeros(len(vocab), 3)
        for t in ["good","great","love","loved","fine"]: w[vocab[t]] = torch.tensor([0.,0.,3.])
        for t in ["bad","awful","hate"]: w[vocab[t]] = torch.tensor([3.,0.,0.])
        for t in ["okay"]: w[vocab[t]] = torch.tensor([0.,3.,0.])
        self.emb.weight.data = w
    def forward(self, input_ids, attention_mask):
        m = attention_mask.unsqueeze(-1).float()
        return ((self.emb(input_ids) * m).sum(1) / m.sum(1).clamp(min=1.0),)
ids = torch.tensor([[2,5,3,0]]); mask = torch.tensor([[1,1,1,0]])
traced = torch.jit.trace(Tiny().eval(), (ids, mask))
traced.save('model.pt')
json.dump({"architectures":["DistilBertForSequenceClassification"],"model_type":"distilbert",
  "id2label":{"0":"negative","1":"neutral","2":"positive"},"label2id":{"negative":0,"neutral":1,"positive":2},
  "max_position_embeddings":16}, open('config.json','w'), indent=2)
print(traced(torch.tensor([[2,5,3],[2,10,3]]), torch.tensor([[1,1,1],[1,1,1]])))
