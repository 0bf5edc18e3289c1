"""FieldLoop trainer: one Ultralytics training run, driven by a JSON config, fully offline.

Usage: python trainer.py CONFIG.json

With "mode": "predict" it only predicts: models [{key, weights, imgsz}], images [{id, path}],
conf, out (JSON file), out_dir, progress. Otherwise it trains:

Config keys: data (absolute data.yaml), model (absolute .pt weights, or an architecture
.yaml such as "yolov8n.yaml" for training from scratch), out_dir, epochs, imgsz, batch,
optimizer, lr0, warmup_epochs, warmup_bias_lr, cos_lr, freeze, seed, device, close_mosaic,
workers, export_onnx (default true: also write model.onnx, opset 17, static shape, no NMS),
progress (a file that receives one JSON object per line: structured progress that does not
depend on Ultralytics' log text), predict (optional: {images, others, conf, out}: after
training, the new best.pt and the `others` models predict on the images, as in predict mode).
"""

import json
import os
import sys
import time


def predict(cfg: dict, emit) -> str:
    """Raw per-image predictions of several models on one image list (for the gates).

    Writes {"<model key>": {"<image id>": [[cls, conf, cx, cy, w, h], ...]}} to cfg["out"]:
    boxes normalized to the page, confidence down to cfg["conf"] (low, so mAP can be computed).
    """
    from ultralytics import YOLO  # noqa: E402

    images = cfg["images"]
    out: dict = {}
    total = len(images) * len(cfg["models"])
    done = 0
    for m in cfg["models"]:
        model = YOLO(m["weights"])
        preds: dict = {}
        for i in range(0, len(images), 16):
            chunk = images[i : i + 16]
            results = model.predict([c["path"] for c in chunk], imgsz=int(m.get("imgsz") or cfg["imgsz"]), conf=float(cfg.get("conf", 0.001)), iou=0.7, max_det=int(cfg.get("max_det", 100)), device=cfg.get("device", "cpu"), verbose=False)
            for c, r in zip(chunk, results):
                b = r.boxes
                preds[str(c["id"])] = [
                    [int(k), round(float(p), 4), *[round(float(v), 5) for v in xywh]]
                    for k, p, xywh in zip(b.cls.tolist(), b.conf.tolist(), b.xywhn.tolist())
                ]
            done += len(chunk)
            emit({"phase": "predicting", "done": done, "total": total, "model": m["key"]})
        out[m["key"]] = preds
    with open(cfg["out"], "w", encoding="utf-8") as f:
        json.dump(out, f)
    return os.path.abspath(cfg["out"])


def main(config_path: str) -> int:
    with open(config_path, encoding="utf-8") as f:
        cfg = json.load(f)
    out_dir = os.path.abspath(cfg["out_dir"])
    os.makedirs(out_dir, exist_ok=True)
    # Offline, quiet, and using every core: these must be set before ultralytics is imported.
    os.environ["YOLO_OFFLINE"] = "true"
    os.environ["YOLO_CONFIG_DIR"] = os.path.join(out_dir, "yolo-config")
    os.environ.setdefault("YOLO_VERBOSE", "false")
    os.environ.setdefault("OMP_NUM_THREADS", str(os.cpu_count() or 1))

    progress_path = cfg["progress"]
    started = time.time()

    def emit(event: dict) -> None:
        event["t"] = round(time.time() - started, 3)
        with open(progress_path, "a", encoding="utf-8") as p:
            p.write(json.dumps(event) + "\n")

    emit({"phase": "starting"})
    from ultralytics import YOLO, settings  # noqa: E402  (after the environment above)

    settings.update({"sync": False})
    # Ultralytics pins CPU work to cpu_count - 1 threads (1 on a 2-core host: half the machine)
    import ultralytics.utils.torch_utils as torch_utils  # noqa: E402

    torch_utils.NUM_THREADS = int(cfg.get("threads") or os.cpu_count() or 1)
    if cfg.get("mode") == "predict":
        emit({"phase": "done", "out": predict(cfg, emit)})
        return 0
    model = YOLO(cfg["model"])
    epochs = int(cfg["epochs"])

    clock = {"start": None}

    def eta(trainer) -> float:
        # mean time per finished epoch (validation included) times the epochs left
        done = trainer.epoch + 1
        return round((time.time() - clock["start"]) / done * max(0, trainer.epochs - done), 1) if clock["start"] else 0.0

    def on_train_start(trainer):
        clock["start"] = time.time()

    def on_train_epoch_end(trainer):
        losses = trainer.label_loss_items(trainer.tloss, prefix="train")
        emit({
            "phase": "training",
            "epoch": trainer.epoch + 1,
            "epochs": trainer.epochs,
            "etaSeconds": eta(trainer),
            "losses": {k.split("/")[-1]: round(float(v), 5) for k, v in losses.items()},
            "lr": float(trainer.lr.get("lr/pg0", 0.0)) if isinstance(trainer.lr, dict) else None,
        })

    def on_fit_epoch_end(trainer):
        metrics = {k: round(float(v), 5) for k, v in (trainer.metrics or {}).items()}
        emit({"phase": "validating", "epoch": trainer.epoch + 1, "epochs": trainer.epochs, "metrics": metrics, "etaSeconds": eta(trainer)})

    model.add_callback("on_train_start", on_train_start)
    model.add_callback("on_train_epoch_end", on_train_epoch_end)
    model.add_callback("on_fit_epoch_end", on_fit_epoch_end)

    args = dict(
        data=os.path.abspath(cfg["data"]),
        epochs=epochs,
        imgsz=int(cfg["imgsz"]),
        batch=int(cfg.get("batch", 16)),
        # explicit optimizer: optimizer='auto' would ignore lr0 (ULTRALYTICS.md)
        optimizer=cfg.get("optimizer", "AdamW"),
        lr0=float(cfg.get("lr0", 0.001)),
        warmup_epochs=float(cfg.get("warmup_epochs", 1)),
        warmup_bias_lr=float(cfg.get("warmup_bias_lr", 0.0)),
        cos_lr=bool(cfg.get("cos_lr", True)),
        freeze=cfg.get("freeze"),
        seed=int(cfg.get("seed", 0)),
        deterministic=True,
        device=cfg.get("device", "cpu"),
        # CPU: loading in the training process (images are cached in RAM); GPU: loader workers keep it fed
        workers=int(cfg.get("workers", 0 if str(cfg.get("device", "cpu")) == "cpu" else min(8, os.cpu_count() or 1))),
        close_mosaic=int(cfg.get("close_mosaic", 10)),
        # documents: the layout is the signal and a mirrored page is not a page: no mosaic, no flips by default
        fliplr=float(cfg.get("fliplr", 0.0)),
        mosaic=float(cfg.get("mosaic", 0.0)),
        # decoded pages resized once and kept in RAM: JPEG decoding dominated CPU epochs
        cache=cfg.get("cache", "ram"),
        project=out_dir,
        name="run",
        exist_ok=True,
        plots=False,
        amp=False,
        verbose=False,
    )
    if cfg["model"].endswith(".yaml"):
        args["pretrained"] = False
    train_started = time.time()
    model.train(**args)
    train_seconds = time.time() - train_started
    trainer = model.trainer
    best = str(trainer.best) if os.path.exists(trainer.best) else str(trainer.last)
    onnx_path = None
    if cfg.get("export_onnx", True):
        emit({"phase": "exporting"})
        # fixed input size and raw head output (NMS in the server), as onnxruntime-node expects
        onnx_path = YOLO(best).export(format="onnx", imgsz=int(cfg["imgsz"]), opset=17, dynamic=False, simplify=True, nms=False, device="cpu")
    predictions = None
    if cfg.get("predict"):
        # the gate sets, in this process (no second Python start): the candidate, then the others
        p = cfg["predict"]
        models = [{"key": "candidate", "weights": best, "imgsz": int(cfg["imgsz"])}, *p.get("others", [])]
        predictions = predict({**p, "models": models, "device": cfg.get("device", "cpu")}, emit)
    emit({
        "phase": "done",
        "predictions": predictions,
        "best": os.path.abspath(best),
        "onnx": os.path.abspath(onnx_path) if onnx_path else None,
        "metrics": {k: round(float(v), 5) for k, v in (trainer.metrics or {}).items()},
        # what `freeze: N` means for this network: its first N entries of model.model
        "layers": [{"i": int(m.i), "from": m.f, "type": str(m.type).split(".")[-1], "params": int(m.np)} for m in YOLO(best).model.model],
        "train_seconds": round(train_seconds, 3),
        "args": {k: (v if isinstance(v, (int, float, str, bool)) or v is None else str(v)) for k, v in vars(trainer.args).items()},
    })
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
